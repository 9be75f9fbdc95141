"""What integrations use: the compact, cacheable status of a park (and, later, webhooks)."""
