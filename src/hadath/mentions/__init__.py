"""Stage 3, mentions: actors (and, from other modules, places and persons) found in text.

`find_actors(text)` returns actor, person and organisation `Mention`s with canonical names.
"""
from hadath.mentions.actor_lexicon import ActorEntry, FormerName
from hadath.mentions.actors import (
    actor_name_on,
    actor_names,
    find_actors,
    lookup_actor,
    resolve_in_context,
)

__all__ = ["ActorEntry", "FormerName", "actor_name_on", "actor_names", "find_actors",
           "lookup_actor", "resolve_in_context"]
