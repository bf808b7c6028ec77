namespace ScRepro.Evaluation.Perturbation.Clustering;

/// <summary>
/// The Leiden algorithm (Traag, Waltman &amp; van Eck 2019, "From Louvain to Leiden", Algorithms A.1–A.2) for the
/// modularity objective with a resolution γ: Q = Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j). Each iteration does fast local
/// moving, refines every community by randomised merges of well-connected singletons (randomness θ = 0.01, as igraph's
/// beta), aggregates on the refined partition while starting from the unrefined one, and repeats until every community
/// is a single aggregate node. Like igraph's community_leiden(n_iterations=2), the whole procedure runs twice.
/// </summary>
internal static class Leiden
{
    public const double Theta = 0.01;

    /// <summary>Community of each node, numbered 0.. in order of first appearance.</summary>
    public static int[] Run(WeightedGraph graph, double resolution, int iterations, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var membership = Enumerable.Range(0, graph.Nodes).ToArray();
        for (var it = 0; it < iterations; it++) membership = OneRun(graph, membership, resolution, rng);
        return Renumber(membership);
    }

    private static int[] OneRun(WeightedGraph original, int[] start, double resolution, SplitMix64 rng)
    {
        // γ/2m scales the null-model term so the gain of moving v into C is w(v, C) − γ·k_v·K_C / 2m.
        var scale = original.TotalWeight > 0 ? resolution / original.TotalWeight : 0.0;
        var graph = original;
        var partition = Renumber(start);
        var toOriginal = Enumerable.Range(0, original.Nodes).ToArray(); // original node → current aggregate node
        while (true)
        {
            partition = MoveNodesFast(graph, partition, scale, rng);
            var communities = partition.Max() + 1;
            if (communities == graph.Nodes) break;
            var refined = Refine(graph, partition, scale, rng);
            var refinedCount = refined.Max() + 1;
            if (refinedCount == graph.Nodes)
            {
                // Refinement merged nothing: aggregate on the partition itself, so every pass shrinks the graph.
                refined = partition;
                refinedCount = communities;
            }
            var aggregate = graph.Aggregate(refined, refinedCount);
            // The aggregate's starting partition is the unrefined one: each refined community sits inside one community.
            var next = new int[refinedCount];
            for (var v = 0; v < graph.Nodes; v++) next[refined[v]] = partition[v];
            for (var o = 0; o < toOriginal.Length; o++) toOriginal[o] = refined[toOriginal[o]];
            graph = aggregate;
            partition = Renumber(next);
        }
        var result = new int[original.Nodes];
        for (var o = 0; o < result.Length; o++) result[o] = partition[toOriginal[o]];
        return result;
    }

    // Algorithm A.2 MoveNodesFast: a queue of nodes in random order; a node moves to the neighbouring (or an empty)
    // community of largest positive gain, and its neighbours outside that community rejoin the queue.
    private static int[] MoveNodesFast(WeightedGraph g, int[] membership, double scale, SplitMix64 rng)
    {
        var n = g.Nodes;
        var p = (int[])membership.Clone();
        var commWeight = new double[n + 1];
        var commSize = new int[n + 1];
        for (var v = 0; v < n; v++) { commWeight[p[v]] += g.NodeWeights[v]; commSize[p[v]]++; }
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var queue = new Queue<int>(order);
        var inQueue = Enumerable.Repeat(true, n).ToArray();
        var linkTo = new double[n + 1];
        var touched = new List<int>();
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            inQueue[v] = false;
            var own = p[v];
            var kv = g.NodeWeights[v];
            touched.Clear();
            foreach (var (u, w) in g.Neighbours[v])
            {
                if (u == v) continue;
                if (linkTo[p[u]] == 0) touched.Add(p[u]);
                linkTo[p[u]] += w;
            }
            commWeight[own] -= kv;
            commSize[own]--;
            var best = own;
            var bestGain = linkTo[own] - scale * kv * commWeight[own];
            foreach (var c in touched)
            {
                var gain = linkTo[c] - scale * kv * commWeight[c];
                if (gain > bestGain) { bestGain = gain; best = c; }
            }
            // An empty community has gain 0; take one only when every alternative is worse.
            if (bestGain < 0)
            {
                var empty = Array.IndexOf(commSize, 0);
                if (empty >= 0) { best = empty; bestGain = 0; }
            }
            commWeight[best] += kv;
            commSize[best]++;
            foreach (var c in touched) linkTo[c] = 0;
            linkTo[own] = 0;
            if (best == own) continue;
            p[v] = best;
            foreach (var (u, _) in g.Neighbours[v])
            {
                if (u != v && !inQueue[u] && p[u] != best)
                {
                    inQueue[u] = true;
                    queue.Enqueue(u);
                }
            }
        }
        return Renumber(p);
    }

    // Algorithm A.2 RefinePartition / MergeNodesSubset: within each community S, start from singletons; each well-connected
    // node still alone joins a well-connected sub-community C ⊆ S chosen with probability ∝ exp(gain/θ) over gains ≥ 0.
    private static int[] Refine(WeightedGraph g, int[] partition, double scale, SplitMix64 rng)
    {
        var n = g.Nodes;
        var refined = Enumerable.Range(0, n).ToArray();
        var subWeight = (double[])g.NodeWeights.Clone();
        var singleton = Enumerable.Repeat(true, n).ToArray();
        var commWeight = new double[n];
        for (var v = 0; v < n; v++) commWeight[partition[v]] += g.NodeWeights[v];
        // w(C, S − C) for every sub-community C, kept up to date as nodes merge.
        var externalEdge = new double[n];
        for (var v = 0; v < n; v++)
            foreach (var (u, w) in g.Neighbours[v])
                if (u != v && partition[u] == partition[v]) externalEdge[v] += w;

        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var linkTo = new double[n];
        var touched = new List<int>();
        var candidates = new List<(int C, double Gain)>();
        foreach (var v in order)
        {
            if (!singleton[v]) continue;
            var s = partition[v];
            var kv = g.NodeWeights[v];
            // v itself must be well connected to the rest of S.
            if (externalEdge[v] < scale * kv * (commWeight[s] - kv)) continue;
            touched.Clear();
            foreach (var (u, w) in g.Neighbours[v])
            {
                if (u == v || partition[u] != s) continue;
                if (linkTo[refined[u]] == 0) touched.Add(refined[u]);
                linkTo[refined[u]] += w;
            }
            candidates.Clear();
            candidates.Add((refined[v], 0.0)); // staying alone: gain 0
            var maxGain = 0.0;
            foreach (var c in touched)
            {
                if (externalEdge[c] < scale * subWeight[c] * (commWeight[s] - subWeight[c])) continue;
                var gain = linkTo[c] - scale * kv * subWeight[c];
                if (gain < 0) continue;
                candidates.Add((c, gain));
                if (gain > maxGain) maxGain = gain;
            }
            var total = 0.0;
            foreach (var (_, gain) in candidates) total += Math.Exp((gain - maxGain) / Theta);
            var pick = rng.NextDouble() * total;
            var chosen = candidates[^1].C;
            foreach (var (c, gain) in candidates)
            {
                pick -= Math.Exp((gain - maxGain) / Theta);
                if (pick < 0) { chosen = c; break; }
            }
            foreach (var c in touched) linkTo[c] = 0;
            if (chosen == refined[v]) continue;
            // Merge v into `chosen`: update the sub-community's weight and its edges to the rest of S.
            var old = refined[v];
            var vToChosen = 0.0;
            foreach (var (u, w) in g.Neighbours[v])
                if (u != v && refined[u] == chosen) vToChosen += w;
            externalEdge[chosen] = externalEdge[chosen] + externalEdge[old] - 2 * vToChosen;
            subWeight[chosen] += kv;
            subWeight[old] = 0;
            externalEdge[old] = 0;
            refined[v] = chosen;
            singleton[v] = false;
            foreach (var (u, _) in g.Neighbours[v])
                if (refined[u] == chosen) singleton[u] = false;
        }
        return Renumber(refined);
    }

    private static int[] Renumber(int[] membership)
    {
        var map = new Dictionary<int, int>();
        var result = new int[membership.Length];
        for (var i = 0; i < membership.Length; i++)
        {
            if (!map.TryGetValue(membership[i], out var c)) map[membership[i]] = c = map.Count;
            result[i] = c;
        }
        return result;
    }
}
