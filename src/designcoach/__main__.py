from designcoach.cli import main

main()
