// Types only the form driver binds (FormDriver.cs, ../_mono_forms.py): collection-contract
// classes (a Dictionary<K,V> or List<T> subclass) as members of a form's object.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Forms.Extra
{
    [CollectionDataContract]
    public class ScoreMap : Dictionary<string, int> {}

    [CollectionDataContract]
    public class ScoreList : List<int> {}

    public class Scores
    {
        public ScoreMap Map { get; set; }
        public ScoreList List { get; set; }
        public Dictionary<string, int> Plain { get; set; }
    }
}

namespace NetContractForms
{
    public static class FormExtraTypes
    {
        public static readonly Type[] All = { typeof(Forms.Extra.Scores) };
    }
}
