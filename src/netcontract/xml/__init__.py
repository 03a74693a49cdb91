"""DataContract XML: safe parsing (:mod:`.parse`), reading (:mod:`.read`), writing
(:mod:`.write`)."""
