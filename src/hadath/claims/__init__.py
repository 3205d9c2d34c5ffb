"""Stage 5, claims: who says what. `find_claims(article) -> list[Claim]`."""
from hadath.claims.finder import find_claims

__all__ = ["find_claims"]
