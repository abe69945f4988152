"""The document kinds: the registry (``kinds.py``), a package per kind (``docx/``, ``xlsx/``) and ``reading/``."""
