package io.knobwright.model.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work on the store that writes several tables and must be kept whole: everything the work does through the
 * {@link Repositories} it is handed is committed together when it returns, and nothing is kept when it throws
 * (the exception reaches the caller unchanged). Those repositories belong to that one transaction: do not keep
 * them past it. A repository call that is itself transactional joins the outer transaction as a savepoint.
 * Outside a transaction the repositories of this interface behave as {@link Repositories} says.
 */
public interface UnitOfWork extends Repositories {

    void inTransaction(Consumer<Repositories> work);

    <T> T transactionResult(Function<Repositories, T> work);
}
