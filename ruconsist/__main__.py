from ruconsist.cli import main

raise SystemExit(main())
