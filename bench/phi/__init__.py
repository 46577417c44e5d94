"""PHI guard evaluation: public, labelled sets with provenance (phi.jsonl, clean.jsonl) and `python -m bench.phi`."""
