import CCHSimCLI

StandardOutput.prepare()
CCHSimCommand.start()
