"""The .NET value types: their wire names, ranges and exact text forms.

- :mod:`.primitives`: the CLR primitives (Int32, Double, Guid, DateTime...) and their codecs
- :mod:`.numbers`: integers, Double ("R" format and the CLR parse), Decimal
- :mod:`.datetime`: ``DateTime`` (100 ns ticks and kind)
- :mod:`.guid`: ``Guid`` text forms
- :mod:`.objects`: values of ``object`` members (``AnyObject``, ``Boxed``)
"""
