"""The contract model: declaring contracts and the plan each one gets.

- :mod:`.contract`: ``@contract``, ``member``, ``computed``, the registry of declared contracts
- :mod:`.plan`: :func:`~.plan.contract_info`, the one plan of each contract: its members
  resolved, and what each reader and writer builds from them, built once under a lock
- :mod:`.wire`: what a member's annotation means on the wire (:class:`~.wire.Slot`)
- :mod:`.enums`: :class:`~.enums.ContractEnum`
- :mod:`.names`: XML element names of members (``XmlConvert.EncodeLocalName``)
- :mod:`.paths`: member paths in messages (``Vehicles[3].Tolerance``)
"""
