"""`python -m eval QA.jsonl --reports DIR …`: the evaluation without the reportqa CLI (see eval/run.py)."""

import sys

from eval.run import main

sys.exit(main())
