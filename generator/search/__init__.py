"""Search: what the index holds beyond the visible text, the Pagefind run, and similar cases."""
