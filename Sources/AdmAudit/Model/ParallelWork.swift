/// Independent items worked on two threads at once where the process has a second core
/// (`AvailableCores`), on the calling thread alone otherwise.
///
/// Each item's result is its own, so the order the work is done in changes nothing: the
/// results come back in the items' order, and of several errors the first item's is thrown.
/// Used at the end of a run, where the statistics of each decision type are read apart.
package enum ParallelWork {
    package static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], weight: (Item) -> Int, _ transform: @escaping @Sendable (Item) throws(AuditError) -> Value
    ) throws(AuditError) -> [Value] {
        guard items.count > 1, AvailableCores.count > 1 else {
            var values: [Value] = []
            for item in items { values.append(try transform(item)) }
            return values
        }
        // Two shares of about equal weight, the heaviest items placed first.
        var shares: [[Int]] = [[], []]
        var loads = [0, 0]
        for index in items.indices.sorted(by: { (weight(items[$0]), $1) > (weight(items[$1]), $0) }) {
            let share = loads[0] <= loads[1] ? 0 : 1
            shares[share].append(index)
            loads[share] += max(weight(items[index]), 1)
        }
        let theirs = shares[1].map { items[$0] }
        let job = BackgroundJob { () -> [Result<Value, AuditError>] in theirs.map { item in Self.attempt(transform, item) } }
        let ours = shares[0].map { Self.attempt(transform, items[$0]) }
        let others = try job.value()

        var results = [Result<Value, AuditError>?](repeating: nil, count: items.count)
        for (result, index) in zip(ours, shares[0]) { results[index] = result }
        for (result, index) in zip(others, shares[1]) { results[index] = result }
        var values: [Value] = []
        for result in results { values.append(try result!.get()) }
        return values
    }

    private static func attempt<Item, Value>(_ transform: (Item) throws(AuditError) -> Value, _ item: Item) -> Result<Value, AuditError> {
        do throws(AuditError) { return .success(try transform(item)) } catch { return .failure(error) }
    }
}
