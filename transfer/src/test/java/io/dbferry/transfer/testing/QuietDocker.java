package io.dbferry.transfer.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers whether Docker works, quietly and within {@value #TIMEOUT_SECONDS} s: on a machine with
 * only a Docker client, Testcontainers would otherwise log an ERROR with every strategy it tried.
 */
final class QuietDocker {

    private static final long TIMEOUT_SECONDS = 10;

    private QuietDocker() {
    }

    /** Whether Testcontainers can start containers; false when it cannot tell within the time limit. */
    static boolean isAvailable() {
        // slf4j-simple reads a logger's level when the logger is created, so this must run before
        // Testcontainers' classes are first used. A level set on the command line wins.
        quiet("org.testcontainers.dockerclient", "off");
        quiet("org.testcontainers.DockerClientFactory", "warn");
        CompletableFuture<Boolean> check =
                CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().isDockerAvailable());
        try {
            return check.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Testcontainers failed while looking for Docker", e.getCause());
        }
    }

    private static void quiet(String logger, String level) {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log." + logger, level);
    }
}
