"""XSD: the schemas ``XsdDataContractExporter`` writes (:mod:`.export`) and validation
against them (:mod:`.validate`)."""
