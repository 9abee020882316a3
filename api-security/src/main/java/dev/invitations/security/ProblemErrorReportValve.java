package dev.invitations.security;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error answers (a malformed URI, an encoded slash or NUL byte, an oversized header: requests it
 * refuses before the application sees them) as problem+json instead of an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String title = httpStatus != null ? httpStatus.getReasonPhrase() : "Error";
        String kind = status < 500 ? "invalid-request" : "internal";
        String body = "{\"type\":\"urn:invitations:problem:" + kind + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"the request was rejected before it reached the API\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getReporter().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the answer is already on its way: nothing more to say
        }
    }
}
