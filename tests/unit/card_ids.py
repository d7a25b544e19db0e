"""The concept-card ids content may point at (the list in HELPERS.md), shared by the content
tests until cards/ holds every card and the content checker resolves them."""

CARD_IDS = frozenset(
    [
        "scaling",
        "load-balancing",
        "consistent-hashing",
        "message-queues",
        "microservices",
        "sharding",
        "replication",
        "single-point-of-failure",
        "caching",
        "cache-writes",
        "cache-eviction",
        "api-design",
        "pagination",
        "sql-vs-nosql",
        "blob-storage",
        "indexes",
        "quorum",
        "distributed-transactions",
        "request-vs-queue",
        "pub-sub",
        "event-driven",
        "heartbeats",
        "realtime-push",
        "message-delivery",
        "presence",
        "graceful-degradation",
        "capacity-estimation",
        "interview-approach",
        "geo-search",
    ]
)
