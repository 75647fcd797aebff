"""``python -m claimgraph``: the same command as ``claimgraph``."""
from .cli import main

if __name__ == "__main__":
    main()
