"""`python -m hadath` runs the command line."""
from hadath.cli import main

main()
