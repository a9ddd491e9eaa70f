"""Registry of Dutch youth-care product codes (Jeugdwet) and their national reduction.

The package is also the home of the `productcodes` command; kept import-light so that
`iwmo_ijw` and `validators` can use its error types without loading SQLAlchemy.
"""

__version__ = "0.1.0"
