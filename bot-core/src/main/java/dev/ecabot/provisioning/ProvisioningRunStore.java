package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.inventory.SettingsJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Records provisioning runs and the step each reached, in {@code provisioning_run}. Thread-safe. */
public final class ProvisioningRunStore {

    private final DataSource db;
    private final Clock clock;

    public ProvisioningRunStore(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<ProvisioningRun> find(String runId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM provisioning_run WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read provisioning run " + runId, e);
        }
    }

    /** Records a new run at step STARTED. */
    public ProvisioningRun create(ProvisioningRequest r) {
        Instant now = clock.instant();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO provisioning_run (run_id, org_name, api_name, playbook_id,"
                     + " vendor, requester, approver, deliver_secret, update_existing, spec_json, step, status, reused_existing,"
                     + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.runId());
            ps.setString(2, r.org());
            ps.setString(3, r.spec().apiName());
            ps.setString(4, r.playbookId());
            ps.setString(5, r.vendor());
            ps.setString(6, r.requester().toString());
            ps.setString(7, ChatUserRef.written(r.approvers()));
            ps.setBoolean(8, r.deliverSecret());
            ps.setBoolean(9, r.updateExisting());
            ps.setString(10, SettingsJson.write(r.spec()));
            ps.setString(11, ProvisioningStep.STARTED.name());
            ps.setString(12, RunStatus.RUNNING.name());
            ps.setBoolean(13, false);
            ps.setTimestamp(14, Timestamp.from(now));
            ps.setTimestamp(15, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record provisioning run " + r.runId(), e);
        }
        return find(r.runId()).orElseThrow();
    }

    /** Marks the run running again (a retry), clearing the last failure. */
    public void resume(String runId, boolean updateExisting) {
        update(runId, "status = ?, failure = NULL, update_existing = ?", RunStatus.RUNNING.name(), updateExisting);
    }

    public void deployRequested(String runId) {
        update(runId, "step = ?", ProvisioningStep.DEPLOY_REQUESTED.name());
    }

    public void deploying(String runId, String deployId) {
        update(runId, "step = ?, deploy_id = ?", ProvisioningStep.DEPLOYING.name(), deployId);
    }

    /** Forgets a deploy that failed, so a retry deploys afresh. */
    public void deployFailed(String runId) {
        update(runId, "step = ?, deploy_id = NULL", ProvisioningStep.STARTED.name());
    }

    public void deployed(String runId, String appId, boolean reusedExisting) {
        update(runId, "step = ?, app_id = ?, reused_existing = ?", ProvisioningStep.DEPLOYED.name(), appId, reusedExisting);
    }

    public void delivered(String runId, String consumerKey) {
        update(runId, "step = ?, consumer_key = ?", ProvisioningStep.CREDENTIALS_DELIVERED.name(), consumerKey);
    }

    /** The app is in the inventory; the run goes on to schedule its reminders. */
    public void recorded(String runId) {
        update(runId, "step = ?", ProvisioningStep.RECORDED.name());
    }

    /** The app's reminders are scheduled: the run is complete. */
    public void remindersScheduled(String runId) {
        update(runId, "step = ?, status = ?", ProvisioningStep.REMINDERS_SCHEDULED.name(), RunStatus.SUCCEEDED.name());
    }

    public void failed(String runId, String failure) {
        update(runId, "status = ?, failure = ?", RunStatus.FAILED.name(),
                failure == null ? null : failure.substring(0, Math.min(failure.length(), 4000)));
    }

    private void update(String runId, String assignments, Object... values) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE provisioning_run SET " + assignments + ", updated_at = ? WHERE run_id = ?")) {
            int i = 1;
            for (Object v : values) {
                if (v instanceof Boolean b) ps.setBoolean(i++, b);
                else ps.setString(i++, (String) v);
            }
            ps.setTimestamp(i++, Timestamp.from(clock.instant()));
            ps.setString(i, runId);
            if (ps.executeUpdate() != 1) throw new IllegalStateException("No provisioning run " + runId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update provisioning run " + runId, e);
        }
    }

    private static ProvisioningRun map(ResultSet rs) throws SQLException {
        return new ProvisioningRun(rs.getString("run_id"), rs.getString("org_name"), rs.getString("api_name"),
                rs.getString("playbook_id"), rs.getString("vendor"), rs.getString("requester"), rs.getString("approver"),
                rs.getBoolean("deliver_secret"), rs.getBoolean("update_existing"), rs.getString("spec_json"),
                ProvisioningStep.valueOf(rs.getString("step")), RunStatus.valueOf(rs.getString("status")),
                rs.getString("deploy_id"), rs.getString("app_id"), rs.getString("consumer_key"),
                rs.getBoolean("reused_existing"), rs.getString("failure"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
