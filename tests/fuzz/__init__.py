"""A bounded fuzz run over every reader of the registry (``test_readers_fuzz.py``)."""
