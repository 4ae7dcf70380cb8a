namespace PaperListing.SeedGenerator;

/// <summary>The words, names and subjects synthetic papers are made of.</summary>
internal static class Vocabulary
{
    /// <summary>Fields and their categories; "Machine Learning" is in two fields, as in the real seed.</summary>
    public static readonly (string Field, string[] Categories)[] Fields =
    [
        ("Computer Science", ["Machine Learning", "Artificial Intelligence", "Computer Vision and Pattern Recognition",
            "Computation and Language", "Information Retrieval", "Cryptography and Security", "Data Structures and Algorithms",
            "Distributed Computing", "Robotics", "Software Engineering", "Human-Computer Interaction", "Programming Languages",
            "Neural and Evolutionary Computing", "Computer Science and Game Theory"]),
        ("Statistics", ["Machine Learning", "Methodology", "Applications", "Computation", "Statistics Theory"]),
        ("Mathematics", ["Optimization and Control", "Probability", "Numerical Analysis", "Combinatorics", "Information Theory",
            "Dynamical Systems", "Statistics Theory"]),
        ("Physics", ["Quantum Physics", "Computational Physics", "Fluid Dynamics", "Data Analysis Statistics and Probability",
            "Disordered Systems and Neural Networks"]),
        ("Quantitative Biology", ["Neurons and Cognition", "Genomics", "Quantitative Methods", "Populations and Evolution"]),
        ("Electrical Engineering and Systems Science", ["Signal Processing", "Image and Video Processing", "Systems and Control",
            "Audio and Speech Processing"]),
        ("Economics", ["Econometrics", "Theoretical Economics", "General Economics"]),
        ("Quantitative Finance", ["Computational Finance", "Statistical Finance", "Portfolio Management"]),
    ];

    public static readonly string[] GivenNames =
    [
        "Noam", "Nadav", "Behnam", "Ryota", "Ruslan", "Nathan", "Sanjeev", "Wei", "Yuping", "Taejong", "Uijung", "Dan",
        "Joseph", "Kevin", "Giles", "Konrad", "Gal", "Hung-Hsu", "Stéphane", "Thierry", "Ingo", "Daniel", "Mikhail", "Ohad",
        "Amir", "Suriya", "Jason", "Blake", "Tengyu", "Yuanzhi", "Zeyuan", "Chiyuan", "Samy", "Moritz", "Benjamin", "Oriol",
        "Ilya", "Ian", "Yoshua", "Aaron", "Léon", "Yann", "Geoffrey", "Alex", "Sara", "Emma", "Olivia", "Sofia", "Chloé",
        "Zoë", "Ana", "María", "José", "João", "Łukasz", "Paweł", "Agnieszka", "Jürgen", "Jörg", "Søren", "Åsa", "Björn",
        "Mehmet", "Ayşe", "Çağlar", "Oğuz", "Nguyễn", "Trần", "Hiroshi", "Yuki", "Akiko", "Takeshi", "Mei", "Li", "Xin",
        "Yifan", "Jiaxin", "Priya", "Arjun", "Ananya", "Rahul", "Fatima", "Omar", "Leila", "Youssef", "Kwame", "Amara",
        "Chinedu", "Olga", "Dmitri", "Natalia", "Sergei", "Katarzyna", "Tomáš", "Zdeněk", "Eszter", "Gábor", "Ioana",
        "Răzvan", "Elif", "Niamh", "Siobhán", "Seán", "Pádraig", "Inés", "Andrés", "Sebastián", "Matías", "Valentina",
        "Camille", "Hélène", "François", "Anaïs", "Maël", "Lucía", "Francesca", "Giulia", "Matteo", "Niccolò", "Lorenzo",
    ];

    public static readonly string[] FamilyNames =
    [
        "Razin", "Cohen", "Neyshabur", "Tomioka", "Salakhutdinov", "Srebro", "Arora", "Hu", "Luo", "Joo", "Chung", "Zhao",
        "Rudoler", "Tan", "Hooker", "Kording", "Vardi", "Chou", "Ayache", "Artières", "Schölpple", "Steinwart", "Soudry",
        "Shamir", "Globerson", "Gunasekar", "Lee", "Woodworth", "Ma", "Li", "Allen-Zhu", "Zhang", "Bengio", "Hardt", "Recht",
        "Vinyals", "Sutskever", "Goodfellow", "Courville", "Bottou", "LeCun", "Hinton", "Krizhevsky", "Smith", "Johnson",
        "García", "Martínez", "Rodríguez", "Fernández", "López", "González", "Pérez", "Sánchez", "Müller", "Schmidt",
        "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf",
        "Schröder", "Neumann", "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
        "Dąbrowski", "Zieliński", "Szymański", "Woźniak", "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen",
        "Sørensen", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Öberg", "Lindström", "Yılmaz", "Kaya", "Demir", "Şahin",
        "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang",
        "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Wang", "Liu", "Chen",
        "Yang", "Huang", "Wu", "Zhou", "Xu", "Sun", "Gupta", "Sharma", "Patel", "Singh", "Kumar", "Reddy", "Iyer", "Rao",
        "Haddad", "Mansour", "Khalil", "Nasser", "Okafor", "Mensah", "Owusu", "Adeyemi", "Ivanov", "Smirnov", "Kuznetsov",
        "Popov", "Novák", "Dvořák", "Černý", "Procházka", "Nagy", "Kovács", "Tóth", "Szabó", "Popescu", "Ionescu", "Murphy",
        "Kelly", "O'Brien", "Ó Súilleabháin", "Byrne", "Ryan", "Walsh", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard",
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "De Vleeschouwer", "Van der Berg",
    ];

    public static readonly string[] Openings =
    [
        "We study", "We argue that", "This paper examines", "We propose", "Recent work has shown that", "It is widely believed that",
        "We introduce", "Understanding", "We revisit", "Despite their success,", "A longstanding question is whether",
        "Efforts to understand", "We present", "Motivated by", "In this work we analyse", "Several works have shown that",
    ];

    public static readonly string[] Words =
    [
        "the", "implicit", "regularization", "of", "gradient", "descent", "in", "deep", "linear", "networks", "and", "its",
        "role", "generalization", "over-parameterized", "models", "trained", "with", "little", "to", "no", "explicit",
        "we", "show", "that", "a", "bias", "towards", "low", "rank", "solutions", "emerges", "from", "optimization",
        "dynamics", "under", "mild", "assumptions", "on", "initialization", "step", "size", "loss", "landscape", "this",
        "suggests", "norm", "minimization", "is", "not", "the", "whole", "story", "matrix", "factorization", "tensor",
        "completion", "sparse", "recovery", "kernel", "regime", "feature", "learning", "stochastic", "noise", "batch",
        "large", "learning", "rate", "edge", "of", "stability", "sharpness", "flat", "minima", "margin", "classification",
        "logistic", "exponential", "tails", "convergence", "direction", "max-margin", "separator", "homogeneous",
        "transformers", "attention", "language", "vision", "benchmarks", "empirical", "evidence", "theoretical",
        "analysis", "provable", "guarantees", "sample", "complexity", "bounds", "PAC-Bayes", "compression", "information",
        "bottleneck", "curvature", "Hessian", "spectrum", "weight", "decay", "dropout", "data", "augmentation", "early",
        "stopping", "double", "descent", "interpolation", "benign", "overfitting", "label", "noise", "robustness",
        "adversarial", "examples", "distribution", "shift", "out-of-distribution", "calibration", "uncertainty",
        "Bayesian", "posterior", "variational", "inference", "Monte", "Carlo", "sampling", "diffusion", "score",
        "matching", "generative", "models", "reinforcement", "policy", "value", "function", "approximation", "graphs",
        "message", "passing", "equivariance", "symmetry", "invariance", "manifold", "geometry", "topology", "spectral",
        "random", "features", "neural", "tangent", "kernel", "mean-field", "limit", "infinite", "width", "depth",
    ];
}
