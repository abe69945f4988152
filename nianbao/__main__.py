"""Run the app: python -m nianbao."""

import sys

from nianbao.cli import main

if __name__ == "__main__":  # worker processes of `check` import this module again: they must not run main()
    sys.exit(main())
