from sopan.cli import main

main()
