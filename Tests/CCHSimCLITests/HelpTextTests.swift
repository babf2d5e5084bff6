import ArgumentParser
@testable import CCHSimCLI
import Testing

/// The full `--help` text of every command, compared with the literal expected text (as
/// swift-argument-parser's own MathExampleTests do), so that a stale option, default or document
/// reference in a help text fails a test. Rendered in-process at a fixed width so the text does
/// not depend on the terminal. The expected texts are the constants below, one per command;
/// `RepositoryReferenceTests` checks that the docs pages they cite exist.
struct HelpTextTests {
    /// The column width the help is rendered at.
    static let columns = 100

    static func help(_ command: ParsableCommand.Type) -> String {
        CCHSimCommand.helpMessage(for: command, columns: columns)
    }

    @Test func teachersHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Teachers.self) == Self.teachersHelp, "`cchsim teachers --help`")
    }

    @Test func fitHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Fit.self) == Self.fitHelp, "`cchsim fit --help`")
    }

    @Test func rootHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.self) == Self.rootHelp, "`cchsim --help`")
    }

    @Test func analyzeHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Analyze.self) == Self.analyzeHelp, "`cchsim analyze --help`")
    }

    @Test func simulateHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Simulate.self) == Self.simulateHelp, "`cchsim simulate --help`")
    }

    @Test func runHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Run.self) == Self.runHelp, "`cchsim run --help`")
    }

    @Test func mergeHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Merge.self) == Self.mergeHelp, "`cchsim merge --help`")
    }

    @Test func figuresHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Figures.self) == Self.figuresHelp, "`cchsim figures --help`")
    }

    @Test func estimateMIHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.EstimateMI.self) == Self.estimateMIHelp, "`cchsim estimate-mi --help`")
    }

    @Test func reliabilityHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Reliability.self) == Self.reliabilityHelp, "`cchsim reliability --help`")
    }

    @Test func classifyHelpIsCurrent() {
        #expect(Self.help(CCHSimCommand.Classify.self) == Self.classifyHelp, "`cchsim classify --help`")
    }

    /// `cchsim --help` (the root command; lists the subcommands).
    static let rootHelp = """
        OVERVIEW: Test the Cross-modal Complementarity Hypothesis (CCH) of knowledge distillation in the
        joint Gaussian model.

        CCH (arXiv 2510.13182): KD from a teacher modality T helps a student modality S when I(T;S) >
        I(S;Y). cchsim computes the mutual informations in closed form, the exact or asymptotic expected
        risk of a linear student trained with a KD penalty, and says whether KD really helps. Scenario
        files (TOML): docs/scenarios.md; outputs: docs/output.md; theory: docs/theory.md.

        USAGE: cchsim <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          analyze                 Closed-form mutual information, CCH verdict and analytic KD risk for one
                                  scenario.
          simulate                Monte Carlo KD experiment for one scenario (GSL), checked against the
                                  analytic risk.
          run                     Compute every point of a scenario's [sweep] into NAME.csv, NAME.meta.json
                                  and plots.
          merge                   Join the CSVs of all shards of a sweep (run --shard i/N) into NAME.csv,
                                  byte for byte what one run writes.
          figures                 Run every scenario with a [sweep] or a [data] table in a directory
                                  (default Scenarios/) into --out (default: the current directory).
          estimate-mi             Estimate I(T;S), I(S;Y) and CCH's prediction from samples (Gaussian
                                  plug-in and KSG).
          reliability             Probability that the estimated CCH gap's sign differs from the true one,
                                  per sample size and estimator.
          classify                Monte Carlo of classification KD: a logistic student's accuracy with and
                                  without soft-target KD.
          teachers                Real multi-view data: CCH's estimated gaps against the measured KD gain,
                                  for every ordered pair of views.
          fit                     Fit the joint Gaussian of two views and the label of real data; write it
                                  as a covariance scenario.

          See 'cchsim help <subcommand>' for detailed help.
        """

    /// `cchsim analyze --help`.
    static let analyzeHelp = """
        OVERVIEW: Closed-form mutual information, CCH verdict and analytic KD risk for one scenario.

        Give a scenario file, or the scalar shortcut (--rho-ts, --rho-sy, --rho-ty with the student
        options) for a correlations model with unit variances.

        Example: cchsim analyze --rho-ts 0.6 --rho-sy 0.4 --rho-ty 0.3 --n inf --ridge 0.05 --lambda 0.2
        --target representation

        USAGE: cchsim analyze [<scenario>] [--rho-ts <rho-ts>] [--rho-sy <rho-sy>] [--rho-ty <rho-ty>] [--n <n>] [--ridge <ridge>] [--lambda <lambda>] [--target <target>] [--scale <scale>] [--set <key=value> ...] [--json]

        ARGUMENTS:
          <scenario>              Scenario file (TOML).

        OPTIONS:
          --rho-ts <rho-ts>       Correlation of teacher and student (shortcut).
          --rho-sy <rho-sy>       Correlation of student and label (shortcut).
          --rho-ty <rho-ty>       Correlation of teacher and label (shortcut).
          --n <n>                 Student training samples: an integer or 'inf' (shortcut; default inf).
          --ridge <ridge>         Ridge penalty gamma >= 0 (shortcut; default 0).
          --lambda <lambda>       KD weight lambda in [0, 1] (shortcut; default 0.5).
          --target <target>       KD target (shortcut; default prediction). (values: prediction,
                                  representation)
          --scale <scale>         Teacher scale c (shortcut; default 1).
          --set <key=value>       Override a scenario key, typed and checked as in the file (repeatable),
                                  e.g. --set student.lambda=0.3.
          --json                  Print one JSON object instead of the report.
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim simulate --help`.
    static let simulateHelp = """
        OVERVIEW: Monte Carlo KD experiment for one scenario (GSL), checked against the analytic risk.

        Runs paired trials (the student fitted without and with KD on the same sample) as set by the
        scenario's [monte_carlo] section, and prints mean, standard error and 95% interval of the risks,
        the KD gain and the sign-label accuracies beside the analytic values, with the z-score of the gain.
        Same scenario and seed give the same numbers for any --threads.
        Example: cchsim simulate Scenarios/example.toml --trials 20000 --json

        USAGE: cchsim simulate <scenario> [--trials <trials>] [--threads <threads>] [--sampler <sampler>] [--set <key=value> ...] [--json]

        ARGUMENTS:
          <scenario>              Scenario file (TOML); every key is listed in docs/scenarios.md.

        OPTIONS:
          --trials <trials>       Paired trials, 2 to 1000000000 (default: the scenario's [monte_carlo]
                                  trials).
          --threads <threads>     Worker threads over the trials, 1 to 1024 (default: the scenario's
                                  [monte_carlo] threads, else all cores). Results do not depend on it.
          --sampler <sampler>     Sampler (default: the scenario's [monte_carlo] sampler). (values:
                                  moments, triples)
          --set <key=value>       Override a scenario key, typed and checked as in the file (repeatable),
                                  e.g. --set student.lambda=0.3.
          --json                  Print one JSON object instead of the report (keys: docs/output.md).
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim run --help`.
    static let runHelp = """
        OVERVIEW: Compute every point of a scenario's [sweep] into NAME.csv, NAME.meta.json and plots.

        Writes DIR/NAME.csv (one row per grid point: point, the swept parameters, valid, the analyze keys,
        the Monte Carlo keys when the scenario has [monte_carlo], invalid_reason), DIR/NAME.meta.json and
        gnuplot scripts DIR/NAME-*.gp with their data (PNGs when gnuplot is installed), then prints a
        summary. Outputs are written atomically. Ctrl-C stops at the next checkpoint without writing
        output; --resume finishes the run. --shard i/N computes the points p with p mod N = i-1 into
        DIR/NAME.shard-i-of-N.csv; `cchsim merge` joins the shards.

        USAGE: cchsim run <scenario> [--out <out>] [--threads <threads>] [--shard <shard>] [--resume] [--no-plots] [--formats <formats>] [--set <key=value> ...]

        ARGUMENTS:
          <scenario>              Scenario file (TOML); every key is listed in docs/scenarios.md.

        OPTIONS:
          --out <out>             Output directory, created when missing (default: the current directory).
          --threads <threads>     Worker threads over the grid points (one point's Monte Carlo per thread;
                                  [monte_carlo] threads is not used), 1 to 1024 (default: all cores).
                                  Results do not depend on it.
          --shard <shard>         Compute shard i of N (points p with p mod N = i - 1), e.g. 2/8.
          --resume                Finish an interrupted run from its checkpoint instead of starting afresh.
          --no-plots              Write no gnuplot scripts or PNGs.
          --formats <formats>     Figure formats, comma-separated: png, pdf, svg (default: the scenario's
                                  [output] formats, else png).
          --set <key=value>       Override a scenario key, typed and checked as in the file (repeatable),
                                  e.g. --set student.lambda=0.3.
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim merge --help`.
    static let mergeHelp = """
        OVERVIEW: Join the CSVs of all shards of a sweep (run --shard i/N) into NAME.csv, byte for byte
        what one run writes.

        Give every NAME.shard-i-of-N.csv (their NAME.shard-i-of-N.meta.json must sit next to them). Writes
        NAME.csv, NAME.meta.json and the plots into --out (default: the first shard's directory) and prints
        the summary of the whole grid.

        USAGE: cchsim merge <shards> ... [--out <out>] [--no-plots] [--formats <formats>]

        ARGUMENTS:
          <shards>                The shard CSV files.

        OPTIONS:
          --out <out>             Output directory (default: the directory of the first shard).
          --no-plots              Write no gnuplot scripts or PNGs.
          --formats <formats>     Figure formats, comma-separated: png, pdf, svg (default: the scenario's
                                  [output] formats, else png).
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim figures --help`.
    static let figuresHelp = """
        OVERVIEW: Run every scenario with a [sweep] or a [data] table in a directory (default Scenarios/)
        into --out (default: the current directory).

        `make figures` runs this with --out Plots. Each sweep writes NAME.csv, NAME.meta.json, the gnuplot
        scripts NAME-*.gp with their data NAME-*.dat, and the PNGs (gnuplot is required). Each data
        scenario runs as `cchsim teachers` does (its data files must exist: `make data`).

        USAGE: cchsim figures [--scenarios <scenarios>] [--out <out>] [--threads <threads>] [--formats <formats>]

        OPTIONS:
          --scenarios <scenarios> Directory of scenario files. (default: Scenarios)
          --out <out>             Output directory, created when missing (default: the current directory).
          --threads <threads>     Worker threads for each sweep (over its grid points) and each data
                                  scenario, 1 to 1024 (default: all cores). Results do not depend on it.
          --formats <formats>     Figure formats, comma-separated: png, pdf, svg (default: the scenario's
                                  [output] formats, else png).
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim estimate-mi --help`.
    static let estimateMIHelp = """
        OVERVIEW: Estimate I(T;S), I(S;Y) and CCH's prediction from samples (Gaussian plug-in and KSG).

        Samples come from a scenario (drawn with --n and --seed; the closed form is shown next to the
        estimates) or from a CSV file with a header row, naming its teacher, student and label columns.
        With a sign label (scenario) or --discrete-label (CSV; class labels may be numbers or text, as in a
        data scenario) I(S;Y) is estimated by KSG for a discrete variable; the Gaussian plug-in does not
        apply to it. Intervals come from --replicates half-samples (docs/theory.md section 6.3).
        Examples:
          cchsim estimate-mi Scenarios/example.toml --n 2000 --seed 3
          cchsim estimate-mi --csv reps.csv --teacher t1,t2 --student s1 --label y --json

        USAGE: cchsim estimate-mi [<options>] [<scenario>]

        ARGUMENTS:
          <scenario>              Scenario file (TOML) to draw samples from.

        OPTIONS:
          --n <n>                 Rows to draw from the scenario (default 1000).
          --seed <seed>           Seed of the drawn sample and of the half-samples (default: the scenario's
                                  seed, or 0 for a CSV).
          --csv <csv>             CSV file with a header row (instead of a scenario).
          --teacher <teacher>     Teacher columns of the CSV, comma separated.
          --student <student>     Student columns of the CSV, comma separated.
          --label <label>         Label column of the CSV.
          --discrete-label        The CSV label is a class (discrete values), not a continuous quantity.
          --k <k>                 Neighbours k of the KSG estimator. (default: 3)
          --estimators <estimators>
                                  Estimators, comma separated: plugin, ksg. (default: plugin,ksg)
          --replicates <replicates>
                                  Half-sample replicates for the intervals (0: no intervals). (default: 200)
          --level <level>         Confidence level of the intervals. (default: 0.95)
          --json                  Print one JSON object instead of the report.
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim reliability --help`.
    static let reliabilityHelp = """
        OVERVIEW: Probability that the estimated CCH gap's sign differs from the true one, per sample size
        and estimator.

        Draws --repeats samples of each size from the scenario's model, estimates the gap I(T;S) - I(S;Y)
        (I(S;C) with a sign label) with each estimator, and counts the samples whose estimated gap has the
        other sign than the closed form. Settings default to the scenario's [estimation] table.
        Deterministic for a given seed.
        Example: cchsim reliability Scenarios/example.toml --n 100,300,1000 --repeats 200

        USAGE: cchsim reliability <scenario> [--n <n>] [--repeats <repeats>] [--k <k>] [--estimators <estimators>] [--seed <seed>] [--json]

        ARGUMENTS:
          <scenario>              Scenario file (TOML); every key is listed in docs/scenarios.md.

        OPTIONS:
          --n <n>                 Sample sizes, comma separated (default: [estimation] n).
          --repeats <repeats>     Samples per size (default: [estimation] repeats).
          --k <k>                 Neighbours k of the KSG estimator (default: [estimation] k).
          --estimators <estimators>
                                  Estimators, comma separated: plugin, ksg (default: [estimation]
                                  estimators).
          --seed <seed>           Seed, 0 to 18446744073709551615 (default: the scenario's seed).
          --json                  Print one JSON object instead of the report (keys: docs/output.md).
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim classify --help`.
    static let classifyHelp = """
        OVERVIEW: Monte Carlo of classification KD: a logistic student's accuracy with and without
        soft-target KD.

        For a scenario with [model] label = "sign" and [student] loss = "logistic": paired trials fit the
        student on the same sample without KD (hard labels) and with KD (the teacher's logit softened at
        the temperature), and score both for C = sign(Y), exactly (Sheppard) or on --test-n fresh rows. The
        gain is set against CCH's prediction with the class label, I(T;S) > I(S;C). Deterministic for a
        given seed. Trials and test_n default to the scenario's [monte_carlo] table.
        Example: cchsim classify Scenarios/cls-noisy-labels.toml --trials 4000

        USAGE: cchsim classify <scenario> [--trials <trials>] [--test-n <test-n>] [--seed <seed>] [--set <key=value> ...] [--json]

        ARGUMENTS:
          <scenario>              Scenario file (TOML); every key is listed in docs/scenarios.md.

        OPTIONS:
          --trials <trials>       Paired trials, 2 to 1000000000 (default: the scenario's [monte_carlo]
                                  trials).
          --test-n <test-n>       Score on this many fresh test rows per trial (default: [monte_carlo]
                                  test_n, else exactly by Sheppard's formula).
          --seed <seed>           Seed, 0 to 18446744073709551615 (default: the scenario's seed).
          --set <key=value>       Override a scenario key, typed and checked as in the file (repeatable),
                                  e.g. --set student.lambda=0.3.
          --json                  Print one JSON object instead of the report (keys: docs/output.md).
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim teachers --help`.
    static let teachersHelp = """
        OVERVIEW: Real multi-view data: CCH's estimated gaps against the measured KD gain, for every
        ordered pair of views.

        The scenario has a [data] table (views: one CSV file per modality; the label column). Each view is
        standardised and reduced to its first k principal components (label-free, on all rows). Writes
        NAME.csv (one row per ordered pair), NAME.meta.json, gnuplot scripts and PNGs into --out, and
        prints the summary (docs/real-data.md). Ctrl-C stops at the next work item; --resume continues an
        interrupted or killed run from its checkpoint.
        Example:
          make data && cchsim teachers Scenarios/fig9-uci-multifeature.toml --out Plots

        USAGE: cchsim teachers <scenario> [--out <out>] [--threads <threads>] [--set <key=value> ...] [--json] [--no-plots] [--resume]

        ARGUMENTS:
          <scenario>              Scenario file (TOML); every key is listed in docs/scenarios.md.

        OPTIONS:
          --out <out>             Output directory, created when missing (default: the current directory).
          --threads <threads>     Worker threads of every phase: the information estimates (over quantities
                                  and half-samples), the KD experiment (over splits and views) and the
                                  theory, 1 to 1024 (default: all cores). Results do not depend on it.
          --set <key=value>       Override a scenario key, typed and checked as in the file (repeatable),
                                  e.g. --set student.lambda=0.3.
          --json                  Print one JSON object instead of the report (keys: docs/output.md).
          --no-plots              Write no gnuplot scripts or PNGs.
          --resume                Continue an interrupted or killed run from its checkpoint instead of
                                  starting afresh.
          --version               Show the version.
          -h, --help              Show help information.

        """

    /// `cchsim fit --help`.
    static let fitHelp = """
        OVERVIEW: Fit the joint Gaussian of two views and the label of real data; write it as a covariance
        scenario.

        The scenario has a [data] table (docs/real-data.md). The fit is the sample covariance (divisor N,
        the Gaussian maximum-likelihood fit) of the teacher view's and the student view's
        principal-component representations and the label: a continuous label as is, two classes coded -1
        and +1 (more classes have no scalar label: an error). The written scenario (model.kind =
        "covariance") carries the data experiment's teacher and student (OLS, student_n, lambda); run
        `cchsim analyze` on it for the theory's prediction, or `cchsim simulate` where analyze has no
        closed form.
        Example:
          make data && cchsim fit Scenarios/fig10-nutrimouse-genotype.toml --teacher gene --student lipid

        USAGE: cchsim fit <scenario> --teacher <teacher> --student <student> [--out <out>]

        ARGUMENTS:
          <scenario>              Scenario file (TOML); every key is listed in docs/scenarios.md.

        OPTIONS:
          --teacher <teacher>     The teacher's view (a name in [[data.views]]).
          --student <student>     The student's view (a name in [[data.views]]).
          --out <out>             Output file, '-' for standard output (default:
                                  NAME-TEACHER-STUDENT-fit.toml in the current directory).
          --version               Show the version.
          -h, --help              Show help information.

        """
}
