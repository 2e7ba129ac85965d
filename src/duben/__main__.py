from duben.cli import main

raise SystemExit(main())
