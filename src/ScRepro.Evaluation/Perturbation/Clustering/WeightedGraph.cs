namespace ScRepro.Evaluation.Perturbation.Clustering;

/// <summary>An undirected weighted graph in adjacency-list form, self-loops allowed (they appear after aggregation).</summary>
internal sealed class WeightedGraph
{
    public WeightedGraph(int nodes, List<(int Node, double Weight)>[] neighbours, double[] nodeWeights)
    {
        Nodes = nodes;
        Neighbours = neighbours;
        NodeWeights = nodeWeights;
        TotalWeight = nodeWeights.Sum();
    }

    public int Nodes { get; }

    /// <summary>Neighbours with edge weights; a self-loop is listed once with its weight.</summary>
    public List<(int Node, double Weight)>[] Neighbours { get; }

    /// <summary>k_v: the strength (weighted degree) of each original node, summed when nodes are aggregated.</summary>
    public double[] NodeWeights { get; }

    /// <summary>2m = Σ k_v.</summary>
    public double TotalWeight { get; }

    /// <summary>Builds the graph from a symmetric weight matrix (zeros are no edge); strengths count self-loops once.</summary>
    public static WeightedGraph FromSymmetric(double[,] w)
    {
        var n = w.GetLength(0);
        var lists = new List<(int, double)>[n];
        var strength = new double[n];
        for (var i = 0; i < n; i++)
        {
            lists[i] = new List<(int, double)>();
            for (var j = 0; j < n; j++)
            {
                if (w[i, j] == 0) continue;
                lists[i].Add((j, w[i, j]));
                strength[i] += w[i, j];
            }
        }
        return new WeightedGraph(n, lists, strength);
    }

    /// <summary>The graph whose nodes are the communities of <paramref name="membership"/> (weights summed).</summary>
    public WeightedGraph Aggregate(int[] membership, int communities)
    {
        var maps = new Dictionary<int, double>[communities];
        for (var c = 0; c < communities; c++) maps[c] = new Dictionary<int, double>();
        var weights = new double[communities];
        for (var v = 0; v < Nodes; v++)
        {
            var cv = membership[v];
            weights[cv] += NodeWeights[v];
            foreach (var (u, w) in Neighbours[v])
            {
                var cu = membership[u];
                maps[cv][cu] = maps[cv].GetValueOrDefault(cu) + w;
            }
        }
        var lists = new List<(int, double)>[communities];
        for (var c = 0; c < communities; c++)
            lists[c] = maps[c].OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList();
        return new WeightedGraph(communities, lists, weights);
    }
}
