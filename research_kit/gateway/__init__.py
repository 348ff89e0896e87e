"""All network traffic goes through here: :class:`~.client.Gateway` (identifying
User-Agent, robots.txt, per-host rate limits, bounded retries with backoff, size caps, a
total deadline per request, http(s) only) over one persistent HTTP cache (``cache_store``,
requests-cache with its JSON serializer: no pickles). Rules that belong to one host (SEC's
rate, contact requirement, expiry, block page) live in :mod:`.policy` as ``HostPolicy``
entries that sources register; the gateway itself knows no host by name. Offline mode
never touches the network and names what is missing.
"""
