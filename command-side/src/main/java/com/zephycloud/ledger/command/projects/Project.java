package com.zephycloud.ledger.command.projects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.events.projects.CalculationCreated;
import com.zephycloud.ledger.kernel.events.projects.CalculationDeleted;
import com.zephycloud.ledger.kernel.events.projects.CalculationStatusChanged;
import com.zephycloud.ledger.kernel.events.projects.MeshCreated;
import com.zephycloud.ledger.kernel.events.projects.MeshDeleted;
import com.zephycloud.ledger.kernel.events.projects.MeshStatusChanged;
import com.zephycloud.ledger.kernel.events.projects.ProjectCreated;
import com.zephycloud.ledger.kernel.events.projects.ProjectFileAttached;
import com.zephycloud.ledger.kernel.events.projects.ProjectRemoved;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.kernel.events.projects.ProjectStatusChanged;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.WorkStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One user's project: its status, meshes, calculations and files. Meshes and calculations live
 * inside it because their rules (a calculation needs a live mesh, a mesh in use cannot be
 * deleted, a file belongs to a live item) are rules of one project.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Project {

    @AggregateIdentifier
    private ProjectUid projectUid;
    private UserId userId;
    private String storage;
    private ProjectStatus status;
    private boolean removed;
    private final Map<Long, WorkStatus> meshes = new LinkedHashMap<>();
    private final Map<Long, Calculation> calculations = new LinkedHashMap<>();
    private final Map<Long, String> fileKeys = new LinkedHashMap<>();

    /** What the rules need to know of one calculation. */
    record Calculation(long meshId, WorkStatus status, boolean hasLogs, boolean deleted) {
    }

    protected Project() {
    }

    @CommandHandler
    public Project(CreateProject command) {
        requireText(command.storage(), "storage");
        apply(new ProjectCreated(command.projectUid(), command.userId(), command.storage(), ProjectStatus.PENDING));
    }

    @CommandHandler
    public void handle(ChangeProjectStatus command) {
        requireLive();
        if (command.status() != status) {
            apply(new ProjectStatusChanged(projectUid, userId, status, command.status()));
        }
    }

    @CommandHandler
    public void handle(AttachFile command, ProjectRegister register) {
        requireLive();
        requireText(command.name(), "name");
        requireText(command.storageKey(), "storage_key");
        if (command.size() < 0) {
            throw new IllegalArgumentException("size must be 0 or more bytes, got " + command.size());
        }
        if (fileKeys.containsKey(command.fileId())) {
            throw new IllegalStateException("file " + command.fileId() + " is already attached to " + describe());
        }
        FileOwnerRule.check(command.role(), command.meshId(), command.jobId(), this::requireLiveMesh,
                this::requireLiveCalculation);
        register.claimStorageKey(storage, command.storageKey(), projectUid, command.fileId());
        apply(new ProjectFileAttached(projectUid, userId, command.fileId(), command.name(), command.size(),
                command.storageKey(), command.role(), command.meshId(), command.jobId()));
    }

    @CommandHandler
    public void handle(CreateMesh command) {
        requireLive();
        requireText(command.name(), "name");
        if (meshes.containsKey(command.meshId())) {
            throw new IllegalStateException("mesh " + command.meshId() + " already exists in " + describe());
        }
        apply(new MeshCreated(projectUid, userId, command.meshId(), command.name(), WorkStatus.PENDING));
    }

    @CommandHandler
    public void handle(ChangeMeshStatus command) {
        requireLive();
        WorkStatus current = requireLiveMesh(command.meshId());
        if (command.status() != current) {
            apply(new MeshStatusChanged(projectUid, userId, command.meshId(), current, command.status()));
        }
    }

    @CommandHandler
    public void handle(DeleteMesh command) {
        requireLive();
        requireLiveMesh(command.meshId());
        List<Long> users = calculations.entrySet().stream()
                .filter(e -> !e.getValue().deleted() && e.getValue().meshId() == command.meshId())
                .map(Map.Entry::getKey).toList();
        if (!users.isEmpty()) {
            throw new IllegalStateException("mesh " + command.meshId() + " is used by the calculations of jobs "
                    + users + ": delete them first");
        }
        apply(new MeshDeleted(projectUid, userId, command.meshId()));
    }

    @CommandHandler
    public void handle(CreateCalculation command, ProjectRegister register) {
        requireLive();
        requireText(command.name(), "name");
        if (calculations.containsKey(command.jobId())) {
            throw new IllegalStateException("job " + command.jobId() + " already has a calculation in " + describe());
        }
        requireLiveMesh(command.meshId());
        register.claimJob(command.jobId(), projectUid);
        apply(new CalculationCreated(projectUid, userId, command.jobId(), command.meshId(), command.name(),
                WorkStatus.PENDING));
    }

    @CommandHandler
    public void handle(ChangeCalculationStatus command) {
        requireLive();
        Calculation current = calculation(command.jobId());
        boolean hasLogs = command.hasLogs() == null ? current.hasLogs() : command.hasLogs();
        if (command.status() != current.status() || hasLogs != current.hasLogs()) {
            apply(new CalculationStatusChanged(projectUid, userId, command.jobId(), current.status(),
                    command.status(), hasLogs));
        }
    }

    @CommandHandler
    public void handle(DeleteCalculation command) {
        requireLive();
        calculation(command.jobId());
        apply(new CalculationDeleted(projectUid, userId, command.jobId()));
    }

    @CommandHandler
    public void handle(RemoveProject command) {
        requireLive();
        List<Long> liveCalculations = calculations.entrySet().stream()
                .filter(e -> !e.getValue().deleted()).map(Map.Entry::getKey).toList();
        List<Long> liveMeshes = meshes.entrySet().stream()
                .filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        liveCalculations.forEach(jobId -> apply(new CalculationDeleted(projectUid, userId, jobId)));
        liveMeshes.forEach(meshId -> apply(new MeshDeleted(projectUid, userId, meshId)));
        apply(new ProjectRemoved(projectUid, userId, storage, new ArrayList<>(fileKeys.values())));
    }

    private void requireLive() {
        if (removed) {
            throw new IllegalStateException(describe() + " is removed");
        }
    }

    /** The status of a mesh that exists and is not deleted. */
    private WorkStatus requireLiveMesh(long meshId) {
        if (!meshes.containsKey(meshId)) {
            throw new IllegalArgumentException(describe() + " has no mesh " + meshId);
        }
        WorkStatus meshStatus = meshes.get(meshId);
        if (meshStatus == null) {
            throw new IllegalStateException("mesh " + meshId + " of " + describe() + " is deleted");
        }
        return meshStatus;
    }

    private Calculation calculation(long jobId) {
        Calculation calculation = calculations.get(jobId);
        if (calculation == null) {
            throw new IllegalArgumentException(describe() + " has no calculation of job " + jobId);
        }
        if (calculation.deleted()) {
            throw new IllegalStateException("the calculation of job " + jobId + " in " + describe() + " is deleted");
        }
        return calculation;
    }

    private void requireLiveCalculation(long jobId) {
        calculation(jobId);
    }

    private String describe() {
        return "project " + projectUid.value();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @EventSourcingHandler
    void on(ProjectCreated event) {
        projectUid = event.projectUid();
        userId = event.userId();
        storage = event.storage();
        status = event.status();
    }

    @EventSourcingHandler
    void on(ProjectStatusChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ProjectFileAttached event) {
        fileKeys.put(event.fileId(), event.storageKey());
    }

    @EventSourcingHandler
    void on(MeshCreated event) {
        meshes.put(event.meshId(), event.status());
    }

    @EventSourcingHandler
    void on(MeshStatusChanged event) {
        meshes.put(event.meshId(), event.status());
    }

    /** A deleted mesh stays known (its id cannot be reused) with no status. */
    @EventSourcingHandler
    void on(MeshDeleted event) {
        meshes.put(event.meshId(), null);
    }

    @EventSourcingHandler
    void on(CalculationCreated event) {
        calculations.put(event.jobId(), new Calculation(event.meshId(), event.status(), false, false));
    }

    @EventSourcingHandler
    void on(CalculationStatusChanged event) {
        Calculation c = calculations.get(event.jobId());
        calculations.put(event.jobId(), new Calculation(c.meshId(), event.status(), event.hasLogs(), false));
    }

    @EventSourcingHandler
    void on(CalculationDeleted event) {
        Calculation c = calculations.get(event.jobId());
        calculations.put(event.jobId(), new Calculation(c.meshId(), c.status(), c.hasLogs(), true));
    }

    @EventSourcingHandler
    void on(ProjectRemoved event) {
        removed = true;
    }
}
