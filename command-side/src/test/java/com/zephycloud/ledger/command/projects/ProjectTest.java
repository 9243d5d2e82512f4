package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.events.projects.CalculationCreated;
import com.zephycloud.ledger.kernel.events.projects.CalculationDeleted;
import com.zephycloud.ledger.kernel.events.projects.CalculationStatusChanged;
import com.zephycloud.ledger.kernel.projects.FileRole;
import com.zephycloud.ledger.kernel.events.projects.MeshCreated;
import com.zephycloud.ledger.kernel.events.projects.MeshDeleted;
import com.zephycloud.ledger.kernel.events.projects.ProjectCreated;
import com.zephycloud.ledger.kernel.events.projects.ProjectFileAttached;
import com.zephycloud.ledger.kernel.events.projects.ProjectRemoved;
import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.kernel.events.projects.ProjectStatusChanged;
import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.projects.WorkStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectTest {

    private static final UserId USER = UserId.of(7);
    private static final ProjectUid UID = ProjectUid.create("tristan", Instant.parse("2018-06-25T18:08:14.06Z"),
            "7b6765804a2244f98e66a2200ca86de6C8QPJJO9BMFCSOEIWUD8LWVICHHQEL");

    private final Map<String, ProjectUid> claimedKeys = new HashMap<>();
    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(new ProjectRegister() {
            @Override
            public void claimStorageKey(String storage, String storageKey, ProjectUid projectUid, long fileId) {
                if (claimedKeys.putIfAbsent(storage + "/" + storageKey, projectUid) != null) {
                    throw new IllegalStateException("storage key " + storageKey + " is already another file's");
                }
            }

            @Override
            public void claimJob(long jobId, ProjectUid projectUid) {
            }
        });
    }

    private static ProjectCreated created() {
        return new ProjectCreated(UID, USER, "s3_eu", ProjectStatus.PENDING);
    }

    private static MeshCreated mesh(long meshId) {
        return new MeshCreated(UID, USER, meshId, "M" + meshId, WorkStatus.PENDING);
    }

    private static CalculationCreated calculation(long jobId, long meshId) {
        return new CalculationCreated(UID, USER, jobId, meshId, "C" + jobId, WorkStatus.PENDING);
    }

    @Test
    void theUidHasTheReferenceForm() {
        assertThat(UID.value()).isEqualTo(
                "tristan-1529950094.06-7b6765804a2244f98e66a2200ca86de6C8QPJJO9BMFCSOEIWUD8LWVICHHQEL");
        assertThat(UID.toString()).startsWith("project:tristan-");
    }

    @Test
    void creatingAProjectStartsItPending() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(UID, USER, "s3_eu"))
                .expectEvents(created());
    }

    @Test
    void changingTheStatusRecordsBothStatuses() {
        fixture.given(created())
                .when(new ChangeProjectStatus(UID, ProjectStatus.RAW))
                .expectEvents(new ProjectStatusChanged(UID, USER, ProjectStatus.PENDING, ProjectStatus.RAW));
    }

    @Test
    void settingTheCurrentStatusChangesNothing() {
        fixture.given(created())
                .when(new ChangeProjectStatus(UID, ProjectStatus.PENDING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCalculationNeedsALiveMesh() {
        fixture.given(created(), mesh(1), new MeshDeleted(UID, USER, 1))
                .when(new CreateCalculation(UID, 54, 1, "C54"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("mesh 1 of project " + UID.value() + " is deleted");
    }

    @Test
    void aMeshUsedByALiveCalculationCannotBeDeleted() {
        fixture.given(created(), mesh(1), calculation(54, 1))
                .when(new DeleteMesh(UID, 1))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aMeshFileNamesALiveMeshOfTheProject() {
        fixture.given(created())
                .when(new AttachFile(UID, 9, "preview.zip", 10, "k9", FileRole.MESH_PREVIEW, 3L, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("project " + UID.value() + " has no mesh 3");
    }

    @Test
    void aProjectFileNamesNoMeshNorCalculation() {
        fixture.given(created(), mesh(1))
                .when(new AttachFile(UID, 9, "raw.zip", 10, "k9", FileRole.RAW, 1L, null))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void aStorageKeyBelongsToOneFileOnly() {
        claimedKeys.put("s3_eu/shared-key", ProjectUid.of("other-1.00-abc"));
        fixture.given(created())
                .when(new AttachFile(UID, 9, "raw.zip", 10, "shared-key", FileRole.RAW, null, null))
                .expectException(IllegalStateException.class);
    }

    @Test
    void attachingAFileOfACalculation() {
        fixture.given(created(), mesh(1), calculation(54, 1))
                .when(new AttachFile(UID, 9, "result.zip", 1000, "k9", FileRole.CALC_RESULT, null, 54L))
                .expectEvents(new ProjectFileAttached(UID, USER, 9, "result.zip", 1000, "k9", FileRole.CALC_RESULT,
                        null, 54L));
    }

    @Test
    void calculationStatusKeepsHasLogsUnlessGiven() {
        fixture.given(created(), mesh(1), calculation(54, 1),
                        new CalculationStatusChanged(UID, USER, 54, WorkStatus.PENDING, WorkStatus.COMPUTING, true))
                .when(new ChangeCalculationStatus(UID, 54, WorkStatus.COMPUTED, null))
                .expectEvents(new CalculationStatusChanged(UID, USER, 54, WorkStatus.COMPUTING, WorkStatus.COMPUTED,
                        true));
    }

    @Test
    void removingAProjectDeletesItsItemsAndListsItsFilesForDeletion() {
        fixture.given(created(), mesh(1), mesh(2), new MeshDeleted(UID, USER, 2), calculation(54, 1),
                        new ProjectFileAttached(UID, USER, 9, "raw.zip", 10, "k9", FileRole.RAW, null, null),
                        new ProjectFileAttached(UID, USER, 10, "r.zip", 10, "k10", FileRole.CALC_RESULT, null, 54L))
                .when(new RemoveProject(UID))
                .expectEvents(new CalculationDeleted(UID, USER, 54), new MeshDeleted(UID, USER, 1),
                        new ProjectRemoved(UID, USER, "s3_eu", List.of("k9", "k10")));
    }

    @Test
    void aRemovedProjectRefusesChanges() {
        fixture.given(created(), new ProjectRemoved(UID, USER, "s3_eu", List.of()))
                .when(new CreateMesh(UID, 1, "M1"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("project " + UID.value() + " is removed");
    }
}
