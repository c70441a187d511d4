"""The MongoDB side: the seed's collections and indexes, and the sync engine that fills them."""
