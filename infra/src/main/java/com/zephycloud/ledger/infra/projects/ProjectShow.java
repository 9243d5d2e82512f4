package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.projects.CalculationView;
import com.zephycloud.ledger.query.projects.MeshView;
import com.zephycloud.ledger.query.projects.ProjectDetails;
import com.zephycloud.ledger.query.projects.StoredFile;

import java.util.List;

/** The answer of {@code projects/show}: every field of the reference, file ids with their urls. */
public record ProjectShow(long userId, String login, String email, String projectUid, long createDate, String status,
                          String storage, long totalSize, Long rawFileId, String rawFileUrl, Long analyzedFileId,
                          String analyzedFileUrl, double progress, Zephycoins amount, boolean deleted,
                          List<Mesh> meshes, List<Calculation> calculations) {

    public record Mesh(long meshId, String name, String status, long createDate, Long deleteDate,
                       Long previewFileId, String previewFileUrl, Long resultFileId, String resultFileUrl) {
    }

    public record Calculation(long jobId, String name, String status, long createDate, Long deleteDate, long meshId,
                              Long statusFileId, String statusFileUrl, Long resultFileId, String resultFileUrl,
                              Long iterationsFileId, String iterationsFileUrl, Long reduceFileId,
                              String reduceFileUrl, Long internalFileId, String internalFileUrl, boolean hasLogs) {
    }

    static ProjectShow of(ProjectDetails p, FileUrls urls) {
        String s = p.storage();
        List<Mesh> meshes = p.meshes().stream().map(m -> mesh(m, s, urls)).toList();
        List<Calculation> calculations = p.calculations().stream().map(c -> calculation(c, s, urls)).toList();
        return new ProjectShow(p.userId(), p.login(), p.email(), p.projectUid(), p.createDate(), p.status(), s,
                p.totalSize(), id(p.rawFile()), urls.of(s, p.rawFile()), id(p.analyzedFile()),
                urls.of(s, p.analyzedFile()), ProjectProgress.of(p.status()), Zephycoins.of(p.amount()), p.removed(),
                meshes, calculations);
    }

    private static Mesh mesh(MeshView m, String s, FileUrls urls) {
        return new Mesh(m.meshId(), m.name(), m.status(), m.createDate(), m.deleteDate(), id(m.previewFile()),
                urls.of(s, m.previewFile()), id(m.resultFile()), urls.of(s, m.resultFile()));
    }

    private static Calculation calculation(CalculationView c, String s, FileUrls urls) {
        return new Calculation(c.jobId(), c.name(), c.status(), c.createDate(), c.deleteDate(), c.meshId(),
                id(c.statusFile()), urls.of(s, c.statusFile()), id(c.resultFile()), urls.of(s, c.resultFile()),
                id(c.iterationsFile()), urls.of(s, c.iterationsFile()), id(c.reduceFile()),
                urls.of(s, c.reduceFile()), id(c.internalFile()), urls.of(s, c.internalFile()), c.hasLogs());
    }

    private static Long id(StoredFile file) {
        return file == null ? null : file.fileId();
    }
}
