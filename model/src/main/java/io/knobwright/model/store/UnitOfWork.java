package io.knobwright.model.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work on the store that writes several tables and must be kept whole: everything the work does through the
 * {@link Repositories} it is handed is committed together when it returns, and nothing is kept when it throws
 * (the exception reaches the caller unchanged). Those repositories belong to that one transaction: do not keep
 * them past it. A repository call that is itself transactional joins the outer transaction as a savepoint.
 * Outside a transaction the repositories of this interface behave as {@link Repositories} says.
 * <p>
 * The work may run more than once: when another process sharing the store exits in the middle, a transaction
 * that certainly did not commit is run again (decision 0043). So it keeps its effects to the repositories it is
 * handed and to what it returns.
 */
public interface UnitOfWork extends Repositories {

    void inTransaction(Consumer<Repositories> work);

    <T> T transactionResult(Function<Repositories, T> work);
}
