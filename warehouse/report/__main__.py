"""python -m warehouse.report DATA/warehouse.duckdb report.html"""

from warehouse.report import main

raise SystemExit(main())
