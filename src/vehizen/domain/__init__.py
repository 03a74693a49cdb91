"""CLR namespace ``Vehizen.Domain``."""
