package io.knobwright.connectors;

/**
 * Why a connection failed, in the terms a user fixes it by: the network (which of its failures), the login (which
 * part of it, as far as the server tells), the database named, or the server's state. The message of the
 * {@link ConnectorException} says the same in a sentence with what to do; this is for a front end that groups or
 * heads failures ("Host unreachable: connection refused").
 */
public enum FailureReason {
    /** The host name does not resolve (DNS). */
    HOST_NOT_FOUND(Group.UNREACHABLE, "the host name was not found (DNS)"),
    /** The host answered, but nothing listens on the port. */
    CONNECTION_REFUSED(Group.UNREACHABLE, "connection refused (nothing listens on that port)"),
    /** No answer within the connect timeout: a silent firewall, a wrong port or an overloaded server. */
    TIMED_OUT(Group.UNREACHABLE, "no answer within the timeout"),
    /** No network route to the host. */
    NO_ROUTE(Group.UNREACHABLE, "no network route to the host"),
    /** The TLS handshake failed, or the server and the URL disagree about TLS. */
    TLS(Group.UNREACHABLE, "the TLS settings of the URL and the server do not match"),
    /**
     * The server refused the login without saying whether the password or the user name is wrong: PostgreSQL
     * (password methods) and MariaDB/MySQL answer both alike, so that nobody can probe which accounts exist.
     */
    WRONG_PASSWORD_OR_USER(Group.AUTHENTICATION, "wrong password, or no such user"),
    /** The server said the user does not exist (PostgreSQL under trust, peer or ident authentication). */
    NO_SUCH_USER(Group.AUTHENTICATION, "no such user"),
    /** The account needs a password and none was sent. */
    PASSWORD_REQUIRED(Group.AUTHENTICATION, "the account needs a password and none was given"),
    /** The server's access rules turn this client away: pg_hba.conf, or no MariaDB/MySQL account for this host. */
    HOST_REJECTED(Group.AUTHENTICATION, "the server's access rules reject this client"),
    /** The login worked, the database named does not exist or may not be used. */
    NO_DATABASE(Group.DATABASE, "no such database, or no access to it"),
    /** The server accepts no more connections now (limits reached, starting up, shutting down). */
    SERVER_BUSY(Group.SERVER, "the server accepts no connections right now"),
    /** Anything else; the message says what the server or driver said. */
    OTHER(Group.SERVER, "the connection failed");

    /** What the user has to look at. */
    public enum Group {
        UNREACHABLE("Host unreachable"), AUTHENTICATION("Authentication failed"), DATABASE("Database not available"),
        SERVER("Connection failed");

        private final String headline;

        Group(String headline) {
            this.headline = headline;
        }

        /** "Host unreachable", "Authentication failed", ... */
        public String headline() {
            return headline;
        }
    }

    private final Group group;
    private final String cause;

    FailureReason(Group group, String cause) {
        this.group = group;
        this.cause = cause;
    }

    public Group group() {
        return group;
    }

    /** The cause in a few words, after the group's headline: "Host unreachable: connection refused (...)". */
    public String cause() {
        return cause;
    }

    /** "Host unreachable: the host name was not found (DNS)". */
    public String headline() {
        return group.headline() + ": " + cause;
    }
}
