package io.jdirectord.daemon;

import io.jdirectord.engine.ControlAnswer;
import io.jdirectord.engine.ControlCommand;
import io.jdirectord.engine.Monitor;
import io.jdirectord.engine.MonitorEvents;
import java.util.List;

/** What the control socket does with an operator's command (see {@link io.jdirectord.engine.ControlCommand}). */
interface ControlCommands {

    /** The first words of the commands that change the running daemon. */
    List<String> WORDS = ControlCommand.WORDS;

    /** Carries out the command ({@code words}) asked by {@code requester}; never throws. */
    ControlAnswer run(List<String> words, String requester);

    /** Tells the log that {@code requester} was refused {@code request}, and why. */
    void refused(String request, String requester, String why);

    /**
     * Commands carried out by {@code monitor}; refusals told to {@code events}, as the monitor tells its
     * answers. After a command that changed something, {@code changed} runs before the answer goes back.
     */
    static ControlCommands of(Monitor monitor, MonitorEvents events, Runnable changed) {
        return new ControlCommands() {
            @Override
            public ControlAnswer run(List<String> words, String requester) {
                ControlAnswer answer = monitor.control(words, requester);
                if (answer.changed() > 0) {
                    changed.run();
                }
                return answer;
            }

            @Override
            public void refused(String request, String requester, String why) {
                events.control(request, requester, ControlAnswer.error(why));
            }
        };
    }

    /** Commands refused for all: a daemon whose control socket only reports. */
    ControlCommands NONE = new ControlCommands() {
        @Override
        public ControlAnswer run(List<String> words, String requester) {
            return ControlAnswer.error("this daemon takes no commands");
        }

        @Override
        public void refused(String request, String requester, String why) {}
    };
}
