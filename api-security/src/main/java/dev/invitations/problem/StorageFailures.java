package dev.invitations.problem;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Tells storage that cannot be reached (answered 503, worth a retry) from every other failure. */
public final class StorageFailures {

    private StorageFailures() {
    }

    /** Whether {@code failure}, or anything that caused it, says MongoDB could not be reached. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }
}
