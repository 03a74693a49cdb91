"""The contract model: declaring contracts and the plan each one gets.

- :mod:`.contract`: ``@contract``, ``member``, ``computed``, the registry of declared contracts
  and :func:`~.contract.contract_info`, the cached plan of a contract
- :mod:`.wire`: what a member's annotation means on the wire (:class:`~.wire.Slot`)
- :mod:`.enums`: :class:`~.enums.ContractEnum`
- :mod:`.names`: XML element names of members (``XmlConvert.EncodeLocalName``)
- :mod:`.paths`: member paths in messages (``Vehicles[3].Tolerance``)
"""
