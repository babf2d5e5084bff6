import CCHSimCLI

CCHSimCommand.main()
