package io.caseswarm.cases.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.caseswarm.cases.attachment.RefusedFileException;
import io.caseswarm.platform.rest.ProblemMappers;

/** A refused file is problem+json like every other error, naming the part it came in. */
public class RefusedFileMapper {

    @ServerExceptionMapper
    public Response refusedFile(RefusedFileException e) {
        return e.status() == 413
                ? ProblemMappers.problem(413, "file-too-large", "File too large", e.getMessage(), List.of(e.part()))
                : ProblemMappers.problem(415, "file-type-not-allowed", "File type not allowed", e.getMessage(),
                        List.of(e.part()));
    }
}
