"""The XML namespaces of .NET's data contracts (XSD, the serializer's own types, arrays)."""

from __future__ import annotations

from typing import Final

__all__ = ["ARR", "DATACONTRACT_BASE", "SER", "SYSTEM", "XS", "XSI"]

XS: Final = "http://www.w3.org/2001/XMLSchema"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
SER: Final = "http://schemas.microsoft.com/2003/10/Serialization/"
ARR: Final = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
#: a class's contract namespace is this plus its CLR namespace
DATACONTRACT_BASE: Final = "http://schemas.datacontract.org/2004/07/"
SYSTEM: Final = DATACONTRACT_BASE + "System"
