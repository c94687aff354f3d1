package org.syncsim.run;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.RunRecorder;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.ClientSettings;
import org.syncsim.scenario.Latency;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.Loss;
import org.syncsim.scenario.RosterEntry;

/**
 * A test double of the world with a trivially simple protocol: an importer's data reaches member {@code i}
 * exactly {@code i} seconds later through one 100-byte {@code PUSH} message per member, and a joiner gets it one
 * second after joining. Every call is logged as {@code "<seconds> <action> <client>"}.
 */
final class ScriptedWorld implements World {
    static final long S = SimTime.MICROS_PER_SECOND;

    final List<String> log = new ArrayList<>();
    private final Simulation sim;
    private final RunRecorder rec;
    private final LoadedScenario s;
    private long newest;
    private int away;

    ScriptedWorld(LoadedScenario s, Simulation sim, RunRecorder rec) {
        this.s = s;
        this.sim = sim;
        this.rec = rec;
        newest = s.scenario().data().timestamp();
        for (RosterEntry e : s.roster()) {
            rec.initialData(e.id(), e.data() == ClientSettings.Holds.CURRENT ? newest : 0);
            if (e.start() == ClientSettings.Start.IN_RAID) {
                rec.memberJoined(0, e.id());
            }
        }
    }

    private void log(long now, String what, int client) {
        log.add(SimTime.toSeconds(now) + " " + what + " " + client);
    }

    private void deliver(int to, long at, long ts) {
        sim.post(at, t -> {
            rec.messageSent(t, 0, "PUSH", 100, 0);
            rec.messageDelivered(t, 0, to, "PUSH", 100);
            rec.clientSynced(t, to, ts);
        });
    }

    @Override
    public void join(long now, int client) {
        log(now, "join", client);
        rec.memberJoined(now, client);
        deliver(client, now + S, newest);
    }

    @Override
    public void leave(long now, int client) {
        log(now, "leave", client);
        rec.memberLeft(now, client);
    }

    @Override
    public void disconnect(long now, int client) {
        log(now, "disconnect", client);
        rec.memberLeft(now, client);
    }

    @Override
    public void reconnect(long now, int client) {
        log(now, "reconnect", client);
        join(now, client);
    }

    @Override
    public void reload(long now, int client, long loadingMicros) {
        log(now, "reload", client);
        away++;
        sim.post(now + loadingMicros, t -> away--);
    }

    @Override
    public void loadingScreen(long now, int client, long micros) {
        log(now, "loading-screen", client);
    }

    @Override
    public void importData(long now, int client, List<Integer> changedSections) {
        log(now, "import", client);
        newest++;
        rec.dataImported(now, client, newest);
        for (RosterEntry e : s.roster()) {
            if (e.id() != client && rec.isMember(e.id())) {
                deliver(e.id(), now + e.id() * S, newest);
            }
        }
    }

    @Override
    public void importPlainText(long now, int client, List<Integer> changedSections) {
        log(now, "import-plain-text", client);
    }

    @Override
    public void exampleButton(long now, int client) {
        log(now, "example-button", client);
    }

    @Override
    public void options(long now, int client, Boolean liveSync, Boolean tankSync) {
        log(now, "options live-sync=" + liveSync + " tank-sync=" + tankSync, client);
    }

    @Override
    public void navigate(long now, int client, int section) {
        log(now, "navigate " + section, client);
    }

    @Override
    public void syncAll(long now, int client) {
        log(now, "sync-all", client);
    }

    @Override
    public void fullSync(long now, int client) {
        log(now, "full-sync", client);
    }

    @Override
    public void network(long now, int client, Latency latency, Loss loss) {
        log(now, "network", client);
    }

    @Override
    public void rogue(long now, int client, Action.Rogue rogue, int k) {
        log(now, "rogue " + k, client);
    }

    @Override
    public boolean settled() {
        return away == 0;
    }

    @Override
    public void finish(long now) {
        log(now, "finish", -1);
    }
}
