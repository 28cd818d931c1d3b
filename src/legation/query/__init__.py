"""query: questions asked of a store. Each function returns plain records with a `to_dict()`."""
