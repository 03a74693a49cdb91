"""The .NET value types: their wire names, ranges and exact text forms.

- :mod:`.value_types`: one object per CLR type (Int32, Double, Guid, DateTime, Char...), the
  registry of them, and the code snippets the generated readers and writers inline
- :mod:`.namespaces`: the XML namespaces of data contracts (``XS``, ``XSI``, ``SER``, ...)
- :mod:`.numbers`: integers, Double ("R" format and the CLR parse), Decimal
- :mod:`.single`: Single (float32: "R" with 7 or 9 digits, read through Double)
- :mod:`.datetime`: ``DateTime`` (100 ns ticks and kind)
- :mod:`.datetimeoffset`: ``DateTimeOffset`` (clock ticks and offset; a complex type in XML)
- :mod:`.guid`: ``Guid`` text forms
- :mod:`.uri`: ``Uri`` (the original string; the normalized text DataContractSerializer writes)
- :mod:`.qname`: ``XmlQualifiedName`` (an NCName and a namespace, as .NET verifies them)
- :mod:`.objects`: values of ``object`` members (``AnyObject``, ``Boxed``)
"""
