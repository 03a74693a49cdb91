"""Json.NET JSON: text (:mod:`.text`), the contract codec (:mod:`.codec`) and the msgspec
Struct reader (:mod:`.read_struct`)."""
