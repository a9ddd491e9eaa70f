"""`python -m productcodes`: the same command line as the `productcodes` script."""

from productcodes.cli import main

if __name__ == "__main__":
    main()
