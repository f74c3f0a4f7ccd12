package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.jobs.JobEnvironment;
import cloud.aleph.flink.jobs.JobOptions;
import cloud.aleph.flink.jobs.LocalCluster;
import cloud.aleph.flink.jobs.ProductionWiring;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the verification job in this JVM against the configured servers, until Ctrl-C. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the verification job of one CCN on a local Flink MiniCluster against the configured servers",
            "(the embedded stack of --stack-dir, or ALEPH_* variables / -o options), until Ctrl-C.",
            "To run it on a Flink cluster instead, submit jobs/target/aleph-jobs-*-flink-job.jar (see the README)."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connections;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--ccn-id", description = "Identity of this CCN (default: the aleph.ccn.id option, ccn-1).")
    String ccnId;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = Terminal.stdout();
        Configuration configuration = connections.configuration();
        if (ccnId != null) {
            configuration.set(JobOptions.CCN_ID, ccnId);
        }
        configuration.set(JobOptions.VERIFY_PARALLELISM, parallelism);
        String ccn = configuration.get(JobOptions.CCN_ID);
        Configuration local = LocalCluster.configuration(
                configuration, parallelism, Paths.home().resolve(".aleph/checkpoints/" + ccn));
        StreamExecutionEnvironment env = JobEnvironment.create(local);
        ProductionWiring.defineVerificationJob(env, local);
        JobClient job = env.executeAsync("aleph-verification-" + ccn);
        terminal.step("Verification job of " + ccn + " running (job " + job.getJobID() + "); stop with Ctrl-C.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> job.cancel().join(), "cancel-job"));
        job.getJobExecutionResult().get();
        return 0;
    }
}
