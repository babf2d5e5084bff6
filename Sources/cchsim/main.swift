import CCHSimCLI

StandardOutput.prepare()
CCHSimCommand.main()
