from penata.cli import main

main()
